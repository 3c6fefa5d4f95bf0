package cn.xietong.oa;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.xietong.callback.PendingItem;
import cn.xietong.callback.PendingItems;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.Employees;

/**
 * OA's answer to the callback module's port: the 协同 waiting for an employee (newest first, at most
 * {@value #LIMIT}), each linking to its mobile page (absolute, on the corp's 可信域名, so it also opens from a chat) — the reply to the text 待办 and the 待办协同 page.
 */
@Component
public class OaPendingItems implements PendingItems {

	static final int LIMIT = 50;

	private final Collabs collabs;
	private final Employees employees;
	private final CorpBinding corp;

	OaPendingItems(Collabs collabs, Employees employees, CorpBinding corp) {
		this.collabs = collabs;
		this.employees = employees;
		this.corp = corp;
	}

	@Override
	public String systemCode() {
		return OaNotifier.SYSTEM;
	}

	@Override
	public List<PendingItem> pendingFor(String userid) {
		String base = corp.current().publicBaseUrl();
		String prefix = base == null ? "" : base;
		return employees.find(userid)
			.map(e -> collabs.todo(e, null, 0, LIMIT).items().stream()
				.map(s -> new PendingItem("【协同】" + s.subject() + "（" + s.senderName() + "）", prefix + "/m/oa/collab/" + s.id()))
				.toList())
			.orElse(List.of());
	}
}
