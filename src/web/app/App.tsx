import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { SESSION_KEY } from './auth/session';
import { router } from './router';
import { prefersReducedMotion, stillTheme, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network blips and 5xx might.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

// The session ended on the server (expired, logged out elsewhere): RequireAuth then shows the login page.
setUnauthorizedHandler(() => queryClient.setQueryData(SESSION_KEY, null));

export function App() {
  return (
    // No space forced between two-character button labels (编辑, not 编 辑): it reads oddly in forms.
    <ConfigProvider
      locale={zhCN}
      theme={prefersReducedMotion() ? stillTheme : theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
