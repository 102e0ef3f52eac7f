import { BorderStyle } from 'docx';

/** The thin black grid every table of our Word documents (公文 appendices, bulletins, results) uses. */
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const TABLE_GRID_BORDERS = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};
