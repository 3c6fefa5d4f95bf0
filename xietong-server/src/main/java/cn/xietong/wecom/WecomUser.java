package cn.xietong.wecom;

import java.util.List;

/**
 * A member as Xietong writes and reads it. On update a {@code null} field is left unchanged; an empty
 * text clears it.
 *
 * @param enable 1 enabled, 0 disabled; {@code null} leaves it
 * @param status read only: 1 activated, 2 disabled, 4 not activated, 5 quit
 */
public record WecomUser(String userid, String name, String mobile, String email, List<Long> department, Long mainDepartment,
		String position, Integer enable, Integer status) {

	public static WecomUser of(String userid, String name, String mobile, String email, List<Long> department, Long mainDepartment,
			String position) {
		return new WecomUser(userid, name, mobile, email, department, mainDepartment, position, null, null);
	}
}
