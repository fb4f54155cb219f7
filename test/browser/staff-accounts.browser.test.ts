import type { Page } from '@playwright/test';
import { findAccessibilityViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { inLanguage } from '../support/visit.ts';

/** An account's card on the accounts page, found by the email in its heading. */
function card(page: Page, email: string) {
  return page.getByRole('article', { name: new RegExp(`^${email.replace(/[.+]/g, '\\$&')}`) });
}

const log = (page: Page) => page.getByRole('region', { name: 'Roles given' }).getByRole('table');

test.describe('the accounts page and separation of duties', () => {
  test('says plainly that an administrator’s own role is for another administrator to change', async ({
    page,
    signIn,
    server,
  }) => {
    await signIn('admin');
    await page.goto('/staff/users');
    const own = card(page, server.staff.admin.email);
    await expect(own).toContainText('(you)');
    await expect(own).toContainText(
      'You cannot change your own role. Another administrator must do it, so that no one can give themselves more access.',
    );
    await expect(own.getByRole('combobox', { name: 'Change role' })).toHaveCount(0);
    await expect(own.getByRole('button', { name: /Save role/ })).toHaveCount(0);

    // Every other account's role can still be changed here.
    const other = card(page, server.staff.field.email);
    await expect(other.getByRole('combobox', { name: 'Change role' })).toBeVisible();
  });

  test('records a role change with who made it, newest first, in the log on the page', async ({
    page,
    signIn,
    server,
    newStaffAccount,
  }) => {
    const account = await newStaffAccount('field');
    await signIn('admin');
    await page.goto('/staff/users');
    const target = card(page, account.email);
    await target.getByRole('combobox', { name: 'Change role' }).selectOption('analyst');
    await target.getByRole('button', { name: /Save role/ }).click();
    await expect(page.getByText(`${account.email} is now: Insight analyst.`)).toBeVisible();

    const rows = log(page).getByRole('row');
    await expect(rows.nth(1)).toContainText(account.email);
    await expect(rows.nth(1)).toContainText('From Field worker to Insight analyst');
    await expect(rows.nth(1)).toContainText(server.staff.admin.email);
    // The invitation that gave the first role is recorded too, below the change.
    const invited = rows.filter({ hasText: account.email }).filter({ hasText: 'Invited as Field worker' });
    await expect(invited).toHaveCount(1);
    await expect(invited).toContainText(server.staff.admin.email);
  });

  test('has nothing for axe to find, in Arabic', async ({ page, signIn }) => {
    await signIn('admin');
    await page.goto(inLanguage('/staff/users', 'ar'));
    await expect(page.getByRole('region', { name: 'الأدوار الممنوحة' })).toBeVisible();
    await expect(page.getByText('لا يمكنك تغيير دورك بنفسك.', { exact: false })).toBeVisible();
    expect(await findAccessibilityViolations(page)).toEqual([]);
  });
});
