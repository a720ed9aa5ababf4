import * as admin from './admin';
import * as assemblies from './assemblies';
import * as auth from './auth';
import * as distributions from './distributions';
import * as dreams from './dreams';
import * as earning from './earning';
import * as events from './events';
import * as held from './held';
import * as letters from './letters';
import * as log from './log';
import * as uploads from './uploads';
import * as meals from './meals';
import * as me from './me';
import * as meta from './meta';
import * as polls from './polls';
import * as promises from './promises';
import * as notifications from './notifications';
import type { RouteContract } from './route';
import * as stores from './stores';
import * as storeAdmin from './store-admin';
import * as spotChecks from './spot-checks';

const isRoute = (value: unknown): value is RouteContract =>
  typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'status' in value && 'response' in value;

/** Every route of the API, from the contract modules (each one's `…Route` exports). */
export const ALL_ROUTES: readonly RouteContract[] = [
  auth,
  me,
  earning,
  dreams,
  stores,
  admin,
  held,
  notifications,
  events,
  letters,
  uploads,
  meals,
  storeAdmin,
  meta,
  log,
  distributions,
  assemblies,
  spotChecks,
  promises,
  polls,
].flatMap((module) => Object.values(module).filter(isRoute));
