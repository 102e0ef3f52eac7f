import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      icon={<FileSearchOutlined style={{ color: '#8c9bb0' }} />}
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移动，请从左侧菜单进入。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
