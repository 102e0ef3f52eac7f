import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './server';

/**
 * Steps most journeys take: sign in through the API (a fetch carrying the session cookie and the
 * CSRF token), sign in through the login page, open a menu entry, wait for a text a person reads.
 */
export async function apiSession(baseUrl: string, username: string, password = DEMO_PASSWORD) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return (path: string, init: { method?: string; body?: unknown; form?: FormData } = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    });
}

export async function visible(page: Page, text: string | RegExp) {
  const target = page.getByText(text).first();
  await target.waitFor({ state: 'visible' });
  expect(await target.isVisible()).toBe(true);
}

export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

/** On a phone the menu is a drawer behind the ☰ button. */
export async function openMenu(page: Page, entry: string, phone = false) {
  if (phone) await page.getByRole('button', { name: '打开导航菜单' }).click();
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('menuitem', { name: entry, exact: true })
    .click();
}

/** True when nothing on the page is wider than the window (no sideways scrolling on a phone). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}
