import { readFile, writeFile } from 'node:fs/promises';
import { DomainError } from '../kernel/errors';

/** What the system said about a file, in the words a clerk at the terminal needs. */
function fileReason(error: unknown, writing: boolean): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return writing ? '所在的文件夹不存在' : '文件不存在';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    case 'ENOTDIR':
      return '路径中有一段不是文件夹';
    case 'EACCES':
    case 'EPERM':
      return writing ? '没有写入权限' : '没有读取权限';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EROFS':
      return '文件系统只读';
    default:
      return writing ? '写入失败' : '读取失败';
  }
}

/** The bytes of an input file, or one line of why they cannot be read. */
export async function readInputFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new DomainError('NOT_FOUND', {
      field: 'file',
      message: `无法读取文件 ${file}：${fileReason(error, false)}`,
    });
  }
}

/** Writes an output file (--out), or says in one line why it cannot. */
export async function writeOutputFile(file: string, body: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, body);
  } catch (error) {
    throw new DomainError('BAD_REQUEST', {
      field: 'out',
      message: `无法写入文件 ${file}：${fileReason(error, true)}`,
    });
  }
}
