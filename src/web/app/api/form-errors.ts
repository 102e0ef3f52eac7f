import type { FormInstance } from 'antd';
import { ApiError } from './client';

interface Problem {
  field: string;
  message: string;
}

/** 'grants.0.unitId' → ['grants', 0, 'unitId'], the name path antd forms use. */
function namePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Field patterns use * for a list index: 'grants.*.unitId'. */
function matches(field: string, patterns: readonly string[]): boolean {
  const generic = field.replace(/\.\d+(?=\.|$)/g, '.*');
  return patterns.includes(field) || patterns.includes(generic);
}

function problemsOf(error: ApiError): Problem[] {
  if (Array.isArray(error.details)) {
    return (error.details as Problem[]).filter(
      (p) => typeof p?.field === 'string' && typeof p?.message === 'string',
    );
  }
  return error.field ? [{ field: error.field, message: error.message }] : [];
}

/**
 * Puts the server's complaint next to the form field it names; returns false when no field of
 * this form matches, so the caller shows the message some other way.
 */
export function showOnFormFields(error: unknown, form: FormInstance, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const problems = problemsOf(error).filter((p) => matches(p.field, fields));
  if (problems.length === 0) return false;
  form.setFields(problems.map((p) => ({ name: namePath(p.field), errors: [p.message] })));
  return true;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后再试';
}
