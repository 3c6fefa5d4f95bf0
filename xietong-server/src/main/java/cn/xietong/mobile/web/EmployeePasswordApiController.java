package cn.xietong.mobile.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.mobile.EmployeeCredentials;

/** The administrator sets or resets an employee's password for the browser sign-in of the mobile pages and the OA desktop. */
@RestController
class EmployeePasswordApiController {

	private final EmployeeCredentials credentials;

	EmployeePasswordApiController(EmployeeCredentials credentials) {
		this.credentials = credentials;
	}

	@PutMapping("/api/admin/employees/{userid}/password")
	ResponseEntity<Void> set(@PathVariable String userid, @RequestBody PasswordRequest body) {
		credentials.setPassword(userid, body == null ? null : body.password());
		return ResponseEntity.noContent().build();
	}

	record PasswordRequest(String password) {

		@Override
		public String toString() {
			return "PasswordRequest[password=******]";
		}
	}
}
