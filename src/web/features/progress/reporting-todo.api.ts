import { useQuery } from '@tanstack/react-query';
import type { ReportingTodo } from '../../../modules/progress/reporting-todo.rules';
import type { ReportingTodoItem } from '../../../modules/progress/use-cases/reporting-todo';
import { api } from '../../app/api/client';

export type { ReportingTodo, ReportingTodoItem };

/** 填报待办: the monthly reports this user's department or region owes today (GET /api/progress/todo). */
export function useReportingTodo(enabled = true) {
  return useQuery({
    queryKey: ['reporting-todo'],
    queryFn: () => api.get<{ today: string; items: ReportingTodoItem[] }>('/api/progress/todo'),
    enabled,
    refetchOnMount: 'always',
  });
}
