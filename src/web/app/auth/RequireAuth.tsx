import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../api/form-errors';
import { useSessionQuery } from './session';

/** Everything below needs a signed-in user; others go to the login page and come back after. */
export function RequireAuth() {
  const { data, isPending, error, refetch } = useSessionQuery();
  const location = useLocation();
  if (isPending) {
    return (
      <div className="full-page-center">
        <Spin size="large" />
      </div>
    );
  }
  if (error) {
    return (
      <Result
        status="warning"
        title="暂时无法连接服务器"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={() => refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
