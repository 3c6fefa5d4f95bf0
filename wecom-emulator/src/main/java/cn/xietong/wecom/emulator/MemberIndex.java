package cn.xietong.wecom.emulator;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import cn.xietong.wecom.emulator.Model.Member;

/**
 * Normalised keys of a corp's members, so that uniqueness checks and department sizes are O(1):
 * how many members hold each mobile key (spaces and dashes removed), each email key (case-folded
 * like {@link String#equalsIgnoreCase}), and how many members each department holds directly. The
 * userid index is {@link CorpState#users} itself (keyed by the lower-cased userid).
 * <p>
 * Counts, not single owners: the console-side mutators may add two members with the same mobile, as
 * they always could, and deleting one of them must leave the other's mobile taken. A member is counted
 * with the field values it has when {@link #add} is called, so a stored member's mobile, email or
 * departments change only inside {@link CorpState#change} (which removes and re-adds it); members come
 * and go through {@link CorpState#attach} and {@link CorpState#detach}. Used under the corp's lock.
 */
final class MemberIndex {
	private final Map<String, Integer> mobiles = new HashMap<>();
	private final Map<String, Integer> emails = new HashMap<>();
	private final Map<Integer, Integer> departments = new HashMap<>();

	void add(Member m) {
		mobiles.merge(mobileKey(m.mobile), 1, Integer::sum);
		if (!m.email.isEmpty()) {
			emails.merge(emailKey(m.email), 1, Integer::sum);
		}
		for (int d : new LinkedHashSet<>(m.department)) {
			departments.merge(d, 1, Integer::sum);
		}
	}

	void remove(Member m) {
		decrement(mobiles, mobileKey(m.mobile));
		if (!m.email.isEmpty()) {
			decrement(emails, emailKey(m.email));
		}
		for (int d : new LinkedHashSet<>(m.department)) {
			decrement(departments, d);
		}
	}

	/** Whether a member other than {@code self} (the stored member with that userid, or {@code null}) has this mobile. */
	boolean mobileTaken(String mobile, Member self) {
		String key = mobileKey(mobile);
		int holders = mobiles.getOrDefault(key, 0);
		if (self != null && mobileKey(self.mobile).equals(key)) {
			holders--;
		}
		return holders > 0;
	}

	/** Whether a member other than {@code self} (the stored member with that userid, or {@code null}) has this email. */
	boolean emailTaken(String email, Member self) {
		String key = emailKey(email);
		int holders = emails.getOrDefault(key, 0);
		if (self != null && !self.email.isEmpty() && emailKey(self.email).equals(key)) {
			holders--;
		}
		return holders > 0;
	}

	/** Members directly in the department. */
	int directMembers(int deptId) {
		return departments.getOrDefault(deptId, 0);
	}

	/** Whether the counts are exactly those of {@code members} (for tests). */
	boolean matches(Collection<Member> members) {
		MemberIndex fresh = new MemberIndex();
		members.forEach(fresh::add);
		return fresh.mobiles.equals(mobiles) && fresh.emails.equals(emails) && fresh.departments.equals(departments);
	}

	/** Two mobiles are the same when they are equal once spaces and dashes are removed. */
	static String mobileKey(String mobile) {
		if (mobile == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(mobile.length());
		for (int i = 0; i < mobile.length(); i++) {
			char c = mobile.charAt(i);
			if (c != ' ' && c != '-') {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Two emails are the same when they are equal ignoring case (character by character, as {@code equalsIgnoreCase}). */
	static String emailKey(String email) {
		StringBuilder out = new StringBuilder(email.length());
		email.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
		return out.toString();
	}

	private static <K> void decrement(Map<K, Integer> counts, K key) {
		counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
	}
}
