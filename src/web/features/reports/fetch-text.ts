import { ApiError } from '../../app/api/client';

/** A generated text (a bulletin or report as Markdown), with the server's Chinese error if it fails. */
export async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/markdown, */*' } });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
  }
  if (!response.ok) {
    let message = `报告生成失败（${response.status}）`;
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // not JSON
    }
    throw new ApiError(response.status, { code: 'HTTP_ERROR', message });
  }
  return response.text();
}
