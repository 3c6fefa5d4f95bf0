package cn.xietong.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.microsoft.playwright.Download;

import cn.xietong.browser.BrowserTest;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.CorpDraft;
import cn.xietong.support.TestWecom;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemDraft;

/** 下载企业号的二维码 in a real browser under the console's CSP: the section loads after the page, the picture shows, 下载 saves it. */
class JoinQrCodeBrowserTest extends BrowserTest {

	@Autowired ApplicationContext spring;
	@Autowired CorpBinding corp;
	@Autowired RelatedSystems systems;

	@AfterEach
	void unbind() {
		corp.update(new CorpDraft(false, null, null, null, true, null, null));
		for (String code : new String[] { RelatedSystems.OA, RelatedSystems.PB, RelatedSystems.CRM }) {
			systems.update(code, new SystemDraft(null, null, null, false, null, null, null));
		}
	}

	@Test
	void theQrCodeShowsAndDownloads() throws Exception {
		TestWecom.bindTo(spring);
		loginAsAdmin();
		open("/admin/corp");
		assertThat(page.locator("#join-qrcode h2")).hasText("下载企业号的二维码");
		assertThat(page.locator("#qr-body")).hasAttribute("data-state", "shown");
		page.waitForFunction("() => { const i = document.querySelector('#qr-image'); return i && i.complete && i.naturalWidth > 0; }");
		assertThat(((Number) page.evaluate("document.querySelector('#qr-image').naturalWidth")).intValue()).isEqualTo(399);

		page.locator("#qrSize").selectOption("1");
		page.locator("#qr-size button").click();
		page.waitForURL("**/admin/corp?qrSize=1");
		page.waitForFunction("() => { const i = document.querySelector('#qr-image'); return i && i.complete && i.naturalWidth === 171; }");

		Download download = page.waitForDownload(() -> page.locator("#qr-download").click());
		assertThat(download.suggestedFilename()).isEqualTo("join-qrcode-171.png");
		assertThat(consoleErrors).as("no CSP violation, no failed request").isEmpty();
		screenshot("join-qrcode");
	}
}
