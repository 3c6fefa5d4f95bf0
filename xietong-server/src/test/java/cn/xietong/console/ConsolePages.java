package cn.xietong.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Console pages as the signed-in administrator: GET a page, POST a form (with its CSRF token). */
final class ConsolePages {

	private final MockMvc mvc;

	ConsolePages(MockMvc mvc) {
		this.mvc = mvc;
	}

	MvcResult get(String path, Object... vars) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(path, vars).with(user("admin").roles("ADMIN"))).andReturn();
	}

	/** A form post; {@code fields} are name, value pairs (a name may repeat). */
	MvcResult post(String path, String... fields) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).with(user("admin").roles("ADMIN")).with(csrf());
		for (int i = 0; i + 1 < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return mvc.perform(request).andReturn();
	}

	static String html(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	static Document doc(MvcResult result) throws Exception {
		return Jsoup.parse(html(result));
	}
}
