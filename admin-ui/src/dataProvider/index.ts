import type {
  DataProvider,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyReferenceParams,
  GetManyResult,
  GetOneParams,
  GetOneResult,
  RaRecord,
} from 'react-admin';
import { request, requestUpload } from '../graphql.ts';
import { act } from './actions.ts';
import { assignments, myAssignments } from './assignments.ts';
import { bodies } from './bodies.ts';
import { entities, inspections, objections, repairs } from './credit.ts';
import { dashboard } from './dashboard.ts';
import { commitPlan, parseNotice } from './imports.ts';
import { plans } from './plans.ts';
import { tasks } from './tasks.ts';

/** What each resource module offers: reads only. */
interface Reader {
  getList(params: GetListParams): Promise<GetListResult<RaRecord>>;
  getOne(params: GetOneParams): Promise<GetOneResult<RaRecord>>;
  getMany(params: GetManyParams): Promise<GetManyResult<RaRecord>>;
}

const readers: Record<string, Reader> = { tasks, assignments, 'my-assignments': myAssignments, plans, bodies, entities, objections, repairs, inspections };

function reader(resource: string): Reader {
  const found = readers[resource];
  if (!found) throw new Error(`Unknown resource ${resource}`);
  return found;
}

const readOnly = () => Promise.reject(new Error('只读：请通过任务操作修改 Read-only: change things through task actions.'));

/**
 * Duban's data provider: each resource reads the schema's Relay connections
 * (offset for page N) and nodes; changes go through the custom methods, which
 * are the API's mutations, never through generic create/update.
 */
export const dataProvider = {
  getList: (resource, params) => reader(resource).getList(params),
  getOne: (resource, params) => reader(resource).getOne(params),
  getMany: (resource, params) => reader(resource).getMany(params),
  getManyReference: (resource: string, { target, id, ...params }: GetManyReferenceParams) =>
    reader(resource).getList({ ...params, filter: { ...params.filter, [target]: id } }),
  create: readOnly,
  update: readOnly,
  updateMany: readOnly,
  delete: readOnly,
  deleteMany: readOnly,
  dashboard,
  act,
  parseNotice,
  commitPlan,
  request,
  requestUpload,
} as DataProvider & {
  dashboard: typeof dashboard;
  act: typeof act;
  parseNotice: typeof parseNotice;
  commitPlan: typeof commitPlan;
  /** Any typed document (`graphql(`…`)`): the custom method behind useApiQuery and useApiMutation (shared/api.ts). */
  request: typeof request;
  requestUpload: typeof requestUpload;
};

export type DubanDataProvider = typeof dataProvider;
