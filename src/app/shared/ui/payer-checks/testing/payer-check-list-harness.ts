import { ComponentHarness } from '@angular/cdk/testing';

/** One check as a reader sees it. */
export interface PayerCheckRow {
  id: string | null;
  title: string;
  /** The status in words ("Met", "Not met", "Not assessable"). */
  status: string;
  message: string;
  /** The evidence shown (empty while a disclosure is closed). */
  evidence: string[];
}

/** Reads an app-payer-check-list in specs and opens evidence as a user would. */
export class PayerCheckListHarness extends ComponentHarness {
  static hostSelector = 'app-payer-check-list';

  private readonly rows = this.locatorForAll('li.check');

  /** Every check row, in order. */
  async getChecks(): Promise<PayerCheckRow[]> {
    const rows = await this.rows();
    return Promise.all(
      rows.map(async (row, i) => {
        const inRow = (selector: string) =>
          this.locatorForAll(`li.check:nth-child(${i + 1}) ${selector}`)();
        const [title] = await inRow('.title');
        const [status] = await inRow('.status-label');
        const [message] = await inRow('.message');
        const evidence = await inRow('.evidence li');
        return {
          id: await row.getAttribute('data-check'),
          title: (await title!.text()).trim(),
          status: (await status!.text()).trim(),
          message: (await message!.text()).trim(),
          evidence: await Promise.all(evidence.map(async (e) => (await e.text()).trim())),
        };
      }),
    );
  }

  /** Opens or closes a check's evidence by the check's title. */
  async toggleEvidence(title: string): Promise<void> {
    const buttons = await this.locatorForAll('.evidence-toggle')();
    for (const button of buttons) {
      if ((await button.text()).toLowerCase().includes(title.toLowerCase())) return button.click();
    }
    throw new Error(`No evidence button for "${title}"`);
  }

  /** Hrefs of the evidence links (procedures). */
  async getEvidenceLinks(): Promise<string[]> {
    const links = await this.locatorForAll('.evidence a')();
    return Promise.all(links.map(async (a) => (await a.getAttribute('href')) ?? ''));
  }
}
