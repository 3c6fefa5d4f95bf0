package cn.xietong.wecom;

/** One (member, department) pair of {@code user/list_id}: a member in N departments appears N times. */
public record DepartmentMember(String userid, long department) {
}
