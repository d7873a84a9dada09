import * as path from 'node:path';
import { periodName, type Period } from '../period.js';
import type { ReportName, Scope } from '../reports.js';

/** Where one entity's report lives: `{root}/{scope}/{slug}/{report}`. */
export interface ReportLocation {
  root: string;
  scope: Scope;
  slug: string;
  report: ReportName;
}

export function reportFolder(location: ReportLocation): string {
  return inside(location.root, path.join(location.root, location.scope, location.slug, location.report));
}

/** `{root}/{scope}/{slug}/{report}/{period}`. */
export function periodFolder(location: ReportLocation, period: Period): string {
  return inside(location.root, path.join(reportFolder(location), periodName(period)));
}

/** Every part of the path was validated, but a path that leaves the root must never be written. */
function inside(root: string, target: string): string {
  const relative = path.relative(root, target);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`Refusing to write outside ${root}: ${target}`);
  }
  return target;
}
