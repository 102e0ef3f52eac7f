import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { errorMessage } from '../api/form-errors';
import { useSessionActions, useSessionQuery } from './session';
import './login.css';

interface LoginForm {
  username: string;
  password: string;
}

interface Problem {
  text: string;
  /** Lock-out and rate limits are "wait", not "wrong". */
  wait: boolean;
}

export function LoginPage() {
  const { data: session } = useSessionQuery();
  const { login } = useSessionActions();
  const navigate = useNavigate();
  const location = useLocation();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session) return <Navigate to={from} replace />;

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(from, { replace: true });
    } catch (error) {
      setProblem({ text: errorMessage(error), wait: error instanceof ApiError && error.status === 429 });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main className="login-page">
      <div className="login-brand">
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <div>
          <h1>民生实事</h1>
          <p>群众点单 · 政府办事 · 人大票决 · 社会评价</p>
        </div>
      </div>
      <Card className="login-card" title="工作人员登录">
        {problem && (
          <Alert
            className="login-alert"
            type={problem.wait ? 'warning' : 'error'}
            title={problem.text}
            showIcon
            role="alert"
          />
        )}
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              size="large"
              placeholder="请输入用户名"
            />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
              placeholder="请输入密码"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="login-hint">
          账号由本级民生办或系统管理员开通。连续输错密码多次，账号将被暂时锁定。
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
