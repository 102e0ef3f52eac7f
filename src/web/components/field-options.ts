/** 领域: the fields plans usually sort projects into; free text is allowed too (DOMAIN.md). */
export const FIELD_OPTIONS = [
  '教育',
  '医疗卫生',
  '养老服务',
  '社会保障',
  '就业',
  '城乡建设',
  '交通出行',
  '文化体育',
  '生态环境',
  '农业农村',
  '公共安全',
].map((value) => ({ value }));
