package cn.xietong.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;

import javax.imageio.ImageIO;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.WecomTest;
import cn.xietong.organization.Corp;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.CorpDraft;
import cn.xietong.support.TestWecom;

/** 下载企业号的二维码 with the emulator bound: the picture through the console (CSP img-src 'self'), its sizes, the download. */
@WecomTest
class JoinQrCodePageTest {

	@Autowired MockMvc mvc;
	@Autowired ApplicationContext context;
	@Autowired CorpBinding corp;

	@BeforeEach
	@AfterEach
	void bind() {
		TestWecom.bindTo(context);
	}

	@Test
	void thePageShowsTheQrCodeFromTheConsoleWithASizeChoiceAndADownloadLink() throws Exception {
		Document shell = ConsolePages.doc(new ConsolePages(mvc).get("/admin/corp"));
		assertThat(shell.select("#join-qrcode h2").text()).isEqualTo("下载企业号的二维码");
		assertThat(shell.select("#qr-body").attr("data-state")).isEqualTo("loading");
		assertThat(shell.select("#qr-body").attr("hx-get")).isEqualTo("/admin/corp/join-qrcode/section?qrSize=2");
		assertThat(shell.select("#join-qrcode script").attr("src")).startsWith("/webjars/htmx.org/").endsWith("/dist/htmx.min.js");

		Document page = ConsolePages.doc(new ConsolePages(mvc).get(shell.select("#qr-body").attr("hx-get")));
		assertThat(page.select("#qr-body").attr("data-state")).isEqualTo("shown");
		assertThat(page.select("#qr-body").hasAttr("hx-get")).isFalse();
		assertThat(page.select("#qr-message")).isEmpty();
		assertThat(page.select("#qr-image").attr("src")).isEqualTo("/admin/corp/join-qrcode?size=2");
		assertThat(page.select("#qr-download").attr("href")).isEqualTo("/admin/corp/join-qrcode?size=2&download=true");
		assertThat(page.select("#qr-download").text()).isEqualTo("下载");
		assertThat(page.select("#qrSize option").eachText()).containsExactly("171 × 171", "399 × 399", "741 × 741", "2052 × 2052");
		assertThat(page.select("#qrSize option[selected]").val()).isEqualTo("2");

		Document largeShell = ConsolePages.doc(new ConsolePages(mvc).get("/admin/corp?qrSize=3"));
		assertThat(largeShell.select("#qr-body").attr("hx-get")).isEqualTo("/admin/corp/join-qrcode/section?qrSize=3");
		Document large = ConsolePages.doc(new ConsolePages(mvc).get("/admin/corp/join-qrcode/section?qrSize=3"));
		assertThat(large.select("#qr-image").attr("src")).isEqualTo("/admin/corp/join-qrcode?size=3");
		assertThat(large.select("#qrSize option[selected]").val()).isEqualTo("3");
	}

	@Test
	void thePictureIsAnImageFromTheConsoleAndTheDownloadAnAttachment() throws Exception {
		MockHttpServletResponse inline = picture("/admin/corp/join-qrcode?size=1");
		assertThat(inline.getStatus()).isEqualTo(200);
		assertThat(inline.getContentType()).isEqualTo("image/png");
		assertThat(inline.getHeader("Content-Disposition")).startsWith("inline");
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(inline.getContentAsByteArray()));
		assertThat(small.getWidth()).isEqualTo(171);

		MockHttpServletResponse download = picture("/admin/corp/join-qrcode?size=3&download=true");
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentType()).isEqualTo("image/png");
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").contains("join-qrcode-741.png");
		assertThat(ImageIO.read(new ByteArrayInputStream(download.getContentAsByteArray())).getWidth()).isEqualTo(741);
		assertThat(download.getHeader("Content-Security-Policy")).contains("img-src 'self' data:");
	}

	@Test
	void whenWeChatWorkIsUnreachableThePageSaysSoInPlainWords() throws Exception {
		Corp bound = corp.current();
		String secret = corp.credentials().orElseThrow().corpSecret();
		corp.update(new CorpDraft(true, bound.corpId(), secret, bound.trustedDomain(), bound.useHttps(), "http://127.0.0.1:9",
				bound.oauthBaseUrl()));
		Document shell = ConsolePages.doc(new ConsolePages(mvc).get("/admin/corp"));
		assertThat(shell.select("#qr-body").attr("data-state")).as("the page itself does not wait for WeChat Work").isEqualTo("loading");
		Document page = ConsolePages.doc(new ConsolePages(mvc).get("/admin/corp/join-qrcode/section"));
		assertThat(page.select("#qr-message").text()).startsWith("无法从企业微信获取二维码：");
		assertThat(page.select("#qr-image")).isEmpty();
		MockHttpServletResponse picture = picture("/admin/corp/join-qrcode?size=1");
		assertThat(picture.getStatus()).isEqualTo(502);
		assertThat(picture.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("无法从企业微信获取二维码：")
			.doesNotContain(secret);
	}

	@Test
	void onlyTheAdministratorGetsThePicture() throws Exception {
		assertThat(mvc.perform(get("/admin/corp/join-qrcode")).andReturn().getResponse().getStatus()).isIn(302, 401);
		assertThat(mvc.perform(get("/admin/corp/join-qrcode").with(user("someone").roles("USER"))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	private MockHttpServletResponse picture(String path) throws Exception {
		return mvc.perform(get(path).with(user("admin").roles("ADMIN"))).andReturn().getResponse();
	}
}
