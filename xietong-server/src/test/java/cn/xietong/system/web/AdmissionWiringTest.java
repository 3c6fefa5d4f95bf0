package cn.xietong.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;

import cn.xietong.XietongTest;
import io.micrometer.core.instrument.MeterRegistry;

/** The running app admits employee pages, their API and WeChat Work's callbacks through {@link FairAdmission} (twice the processors by default), with its gauges. */
@XietongTest
class AdmissionWiringTest {

	@LocalServerPort int port;
	@Autowired MeterRegistry meters;
	@Autowired FilterRegistrationBean<FairAdmission> registration;

	@Test
	void employeePagesGoThroughTheAdmission() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/m/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		for (String admitted : new String[] { "/m/login", "/m/oa/collab/todo", "/oa/todo", "/api/oa/collabs/todo", "/wecom/callback/OA" }) {
			assertThat(registration.getFilter().shouldNotFilter(new MockHttpServletRequest("GET", admitted))).as(admitted).isFalse();
		}
		for (String free : new String[] { "/admin/employees", "/m/oauth/OA", "/oa/attachments/3", "/actuator/health", "/webjars/x.css" }) {
			assertThat(registration.getFilter().shouldNotFilter(new MockHttpServletRequest("GET", free))).as(free).isTrue();
		}
		assertThat(meters.get("xietong.admission.active").gauge().value()).isZero();
		assertThat(meters.get("xietong.admission.waiting").gauge().value()).isZero();
		assertThat(registration.getOrder()).isLessThan(-100); // before Spring Security's chain
	}
}
