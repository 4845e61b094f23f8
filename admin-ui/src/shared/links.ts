import { useCreatePath } from 'react-admin';

/** Paths to a record's page and to a list with filters, as react-admin builds them. */
export function useDubanPaths() {
  const createPath = useCreatePath();
  return {
    show: (resource: string, id: string) => createPath({ resource, id, type: 'show' }),
    task: (id: string) => createPath({ resource: 'tasks', id, type: 'show' }),
    list: (resource: string, filter: Record<string, unknown>) =>
      `${createPath({ resource, type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`,
  };
}
