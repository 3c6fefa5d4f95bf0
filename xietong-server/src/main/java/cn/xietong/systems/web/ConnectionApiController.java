package cn.xietong.systems.web;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.WecomException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "测试连接", description = "Fetch an access_token now and say whether WeChat Work accepts the credentials.")
class ConnectionApiController {

	private final WecomApps wecom;

	ConnectionApiController(WecomApps wecom) {
		this.wecom = wecom;
	}

	@PostMapping("/api/admin/corp/test-connection")
	@Operation(summary = "测试连接 with the CorpSecret", description = "Always 200: {ok, code, message} with WeChat Work's answer in plain Chinese.")
	ConnectionResult testCorp() {
		return run(wecom::testCorp);
	}

	@PostMapping("/api/admin/systems/{code}/test-connection")
	@Operation(summary = "测试连接 with the app's Secret (or the CorpSecret when the app has none)")
	ConnectionResult testApp(@PathVariable String code) {
		return run(() -> wecom.testApp(code));
	}

	private static ConnectionResult run(Runnable test) {
		try {
			test.run();
			return new ConnectionResult(true, 0, "连接成功");
		}
		catch (WecomException ex) {
			return new ConnectionResult(false, ex.code(), ex.getMessage());
		}
	}

	record ConnectionResult(boolean ok, int code, String message) {
	}
}
