package cn.xietong.sync;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.assertions.LocatorAssertions;

import cn.xietong.browser.BrowserTest;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.CorpDraft;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemDraft;
import cn.xietong.wecom.emulator.WecomEmulator;

/** 同步至微信 in a real browser: preview → confirm → the progress bar reaches 100 % by itself → history. */
class SyncBrowserTest extends BrowserTest {

	@Autowired
	CorpBinding corp;
	@Autowired
	RelatedSystems systems;

	@AfterEach
	void unbind() {
		SyncTestCorp.emulator().faults().clear();
		corp.update(new CorpDraft(false, null, null, null, true, null, null));
		for (String code : new String[] { RelatedSystems.OA, RelatedSystems.PB, RelatedSystems.CRM }) {
			systems.update(code, new SystemDraft(null, null, null, false, null, null, null));
		}
	}

	@Test
	void previewConfirmProgressToOneHundredPercentAndHistory() {
		WecomEmulator emu = SyncTestCorp.fresh();
		SyncTestCorp.bind(corp, systems);
		emu.faults().latency(Duration.ofMillis(100)); // long enough to watch the bar move
		loginAsAdmin(); // lands on 员工信息管理

		page.locator("#sync-actions a").click();
		page.waitForURL("**/admin/sync");
		assertThat(page.locator("h1")).hasText("同步至微信");
		assertThat(page.locator("#sync-validation")).containsText("校验通过");
		page.locator("#sync-preview").click();
		assertThat(page.locator("#plan-counts")).containsText("新建");
		assertThat(page.locator("#plan-items")).containsText("王建国（wangjianguo）");

		page.locator("#sync-confirm").click();
		page.waitForURL("**/admin/sync/runs/*");
		String runPage = page.url();
		assertThat(page.locator("#sync-state")).hasText("进行中");
		assertThat(page.locator("#sync-state")).hasText("成功", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
		assertThat(page.url()).as("the bar moved without reloading the page").isEqualTo(runPage);
		assertThat(page.locator("#sync-percent")).containsText("100%");
		assertThat(page.locator("#sync-progress progress")).hasAttribute("value", "100");

		page.locator("#sync-refresh").click();
		assertThat(page.locator("#run-items")).containsText("成功");
		page.locator(".breadcrumb a").first().click();
		page.waitForURL("**/admin/sync");
		String runId = runPage.substring(runPage.lastIndexOf('/') + 1);
		assertThat(page.locator("#sync-runs")).containsText("#" + runId);
		assertThat(page.locator("#sync-runs tbody tr").first()).containsText("成功");
		assertThat(emu.corp(SyncTestCorp.CORP_ID).users()).hasSizeGreaterThan(30);
		assertThat(consoleErrors).isEmpty();
	}
}
