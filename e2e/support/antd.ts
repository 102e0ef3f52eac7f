import type { Locator, Page } from 'playwright-core';

/**
 * Picks an option in an antd Select the way a person does: open it, type to search, click the option
 * whose text they read. antd draws options outside the form, in a popup at the end of the page.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  optionText: string,
  search?: string,
): Promise<void> {
  await select.click();
  if (search) await select.pressSequentially(search);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
    hasText: optionText,
  });
  await option.first().click();
}
