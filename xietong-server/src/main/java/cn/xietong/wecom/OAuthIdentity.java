package cn.xietong.wecom;

/**
 * Who an OAuth2 code belongs to: a member of the corp ({@code userid}), or an outsider ({@code openid}).
 */
public record OAuthIdentity(String userid, String openid) {

	public boolean member() {
		return userid != null && !userid.isEmpty();
	}
}
