import { useQuery } from '@tanstack/react-query';
import type { ReportingTodo } from '../../../modules/progress/reporting-todo.rules';
import { api } from '../../app/api/client';

export type { ReportingTodo };

export interface ReportingTodoItem {
  projectId: string;
  ref: string;
  name: string;
  regionCode: string;
  year: number;
  unitName: string;
  lead: boolean;
  todos: ReportingTodo[];
}

/** 填报待办: the monthly reports this user's department owes today (GET /api/progress/todo). */
export function useReportingTodo(enabled = true) {
  return useQuery({
    queryKey: ['reporting-todo'],
    queryFn: () => api.get<{ today: string; items: ReportingTodoItem[] }>('/api/progress/todo'),
    enabled,
    refetchOnMount: 'always',
  });
}
