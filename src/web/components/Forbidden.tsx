import { LockOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** antd's 403 page is a cartoon; a plain lock suits a government console better. */
export function Forbidden() {
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      icon={<LockOutlined style={{ color: '#8c9bb0' }} />}
      title="无权访问"
      subTitle="您的账号没有访问此页面的权限。如需开通，请联系本级民生办或系统管理员。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
