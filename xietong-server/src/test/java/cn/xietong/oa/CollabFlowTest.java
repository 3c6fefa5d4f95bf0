package cn.xietong.oa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.xietong.XietongTest;
import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.NotFoundException;

/** The rules of the flow of a 协同, on the service. */
@XietongTest
class CollabFlowTest {

	@Autowired Collabs collabs;
	@Autowired Employees employees;
	@Autowired JdbcClient jdbc;

	@AfterEach
	void clear() {
		OaTestData.clear(jdbc);
	}

	Employee e(String userid) {
		return employees.get(userid);
	}

	long send(String sender, List<List<String>> steps) {
		return collabs.send(e(sender), new CollabDraft("季度预算调整", "<p>请审阅<b>预算</b></p>", steps, List.of()));
	}

	@Test
	void aStepWithParallelHandlersCompletesWhenAllHaveActedThenTheNextStepHasIt() {
		long id = send("liuyang", List.of(List.of("chenjing", "yangfan"), List.of("wangjianguo")));
		assertThat(collabs.pendingCount(e("chenjing").getId())).isEqualTo(1);
		assertThat(collabs.pendingCount(e("yangfan").getId())).isEqualTo(1);
		assertThat(collabs.pendingCount(e("wangjianguo").getId())).isZero();

		CollabViews.Detail afterFirst = collabs.act(id, e("chenjing"), OaAction.AGREE, "同意");
		assertThat(afterFirst.currentStep()).isEqualTo(1);
		assertThat(collabs.pendingCount(e("wangjianguo").getId())).isZero();
		collabs.act(id, e("yangfan"), OaAction.READ, null);
		assertThat(collabs.pendingCount(e("wangjianguo").getId())).isEqualTo(1);
		assertThat(collabs.detail(id, e("liuyang")).currentStep()).isEqualTo(2);

		CollabViews.Detail done = collabs.act(id, e("wangjianguo"), OaAction.AGREE, "可以");
		assertThat(done.status()).isEqualTo(CollabStatus.COMPLETED);
		assertThat(done.finishedAt()).isNotNull();
		assertThat(done.history()).extracting(CollabViews.HistoryEntry::action)
			.containsExactly(OaAction.SEND, OaAction.AGREE, OaAction.READ, OaAction.AGREE);
		assertThat(done.history()).extracting(CollabViews.HistoryEntry::opinion).containsExactly(null, "同意", null, "可以");
		assertThat(collabs.sent(e("liuyang"), null, 0, 10).items()).singleElement()
			.satisfies(s -> assertThat(s.status()).isEqualTo(CollabStatus.COMPLETED)).satisfies(s -> assertThat(s.stepsDone()).isEqualTo(2));
		assertThat(collabs.done(e("chenjing"), null, 0, 10).total()).isEqualTo(1);
		assertThat(collabs.todo(e("wangjianguo"), null, 0, 10).total()).isZero();
	}

	@Test
	void disagreeEndsTheFlowAsRejectedAndNobodyElseCanAct() {
		long id = send("liuyang", List.of(List.of("chenjing", "yangfan"), List.of("wangjianguo")));
		CollabViews.Detail rejected = collabs.act(id, e("chenjing"), OaAction.DISAGREE, "预算不够");
		assertThat(rejected.status()).isEqualTo(CollabStatus.REJECTED);
		assertThat(collabs.pendingCount(e("yangfan").getId())).isZero();
		assertThatThrownBy(() -> collabs.act(id, e("yangfan"), OaAction.AGREE, null)).isInstanceOf(ConflictException.class);
		assertThat(collabs.detail(id, e("yangfan")).actions()).isEmpty();
		assertThat(collabs.detail(id, e("wangjianguo")).steps().get(1).handlers()).extracting(CollabViews.Handler::state).containsExactly("CLOSED");
	}

	@Test
	void returnGoesBackToThePreviousStepWhoseHandlersActAgain() {
		long id = send("liuyang", List.of(List.of("chenjing"), List.of("wangjianguo")));
		collabs.act(id, e("chenjing"), OaAction.AGREE, null);
		assertThatThrownBy(() -> collabs.act(id, e("wangjianguo"), OaAction.RETURN, "  "))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations().get(0).rule()).isEqualTo("oa.return.reason"));
		CollabViews.Detail returned = collabs.act(id, e("wangjianguo"), OaAction.RETURN, "请补充明细");
		assertThat(returned.currentStep()).isEqualTo(1);
		assertThat(returned.status()).isEqualTo(CollabStatus.RUNNING);
		assertThat(collabs.pendingCount(e("chenjing").getId())).isEqualTo(1);
		assertThat(collabs.pendingCount(e("wangjianguo").getId())).isZero();
		// chenjing acts again on the returned step, then wangjianguo again
		collabs.act(id, e("chenjing"), OaAction.AGREE, "已补充");
		CollabViews.Detail done = collabs.act(id, e("wangjianguo"), OaAction.AGREE, null);
		assertThat(done.status()).isEqualTo(CollabStatus.COMPLETED);
		assertThat(done.history()).extracting(CollabViews.HistoryEntry::action)
			.containsExactly(OaAction.SEND, OaAction.AGREE, OaAction.RETURN, OaAction.AGREE, OaAction.AGREE);
		assertThat(done.history().get(2).opinion()).isEqualTo("请补充明细");
	}

	@Test
	void theFirstStepCannotReturn() {
		long id = send("liuyang", List.of(List.of("chenjing")));
		assertThatThrownBy(() -> collabs.act(id, e("chenjing"), OaAction.RETURN, "原因"))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.violations().get(0).rule()).isEqualTo("oa.return.firstStep"));
		assertThat(collabs.pendingCount(e("chenjing").getId())).isEqualTo(1);
	}

	@Test
	void theSenderRecallsBeforeAnyoneActedButNotAfter() {
		long first = send("liuyang", List.of(List.of("chenjing"), List.of("wangjianguo")));
		assertThat(collabs.detail(first, e("liuyang")).canRecall()).isTrue();
		assertThatThrownBy(() -> collabs.recall(first, e("chenjing"))).isInstanceOf(OaForbiddenException.class);
		assertThatThrownBy(() -> collabs.recall(first, e("maqiang"))).isInstanceOf(NotFoundException.class);
		collabs.recall(first, e("liuyang"));
		assertThat(collabs.detail(first, e("liuyang")).status()).isEqualTo(CollabStatus.RECALLED);
		assertThat(collabs.pendingCount(e("chenjing").getId())).isZero();
		assertThatThrownBy(() -> collabs.act(first, e("chenjing"), OaAction.AGREE, null)).isInstanceOf(ConflictException.class);

		long second = send("liuyang", List.of(List.of("chenjing"), List.of("wangjianguo")));
		collabs.act(second, e("chenjing"), OaAction.READ, null);
		assertThat(collabs.detail(second, e("liuyang")).canRecall()).isFalse();
		assertThatThrownBy(() -> collabs.recall(second, e("liuyang")))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.violations().get(0).rule()).isEqualTo("oa.recall.acted"));
		assertThat(collabs.detail(second, e("liuyang")).status()).isEqualTo(CollabStatus.RUNNING);
	}

	@Test
	void aHandlerActsOnceAndOnlyInTurn() {
		long id = send("liuyang", List.of(List.of("chenjing", "yangfan"), List.of("wangjianguo")));
		collabs.act(id, e("chenjing"), OaAction.AGREE, null);
		assertThatThrownBy(() -> collabs.act(id, e("chenjing"), OaAction.AGREE, null))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.violations().get(0).rule()).isEqualTo("oa.act.already"));
		assertThatThrownBy(() -> collabs.act(id, e("wangjianguo"), OaAction.AGREE, null)).isInstanceOf(OaForbiddenException.class);
		assertThatThrownBy(() -> collabs.act(id, e("liuyang"), OaAction.AGREE, null)).isInstanceOf(OaForbiddenException.class);
		assertThatThrownBy(() -> collabs.act(id, e("maqiang"), OaAction.AGREE, null)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> collabs.detail(id, e("maqiang"))).isInstanceOf(NotFoundException.class);
		assertThat(collabs.detail(id, e("liuyang")).history()).hasSize(2);
	}

	@Test
	void concurrentActionsCountOncePerHandlerAndTheStepMovesOnOnce() throws Exception {
		for (int round = 0; round < 5; round++) {
			long id = send("liuyang", List.of(List.of("chenjing", "yangfan", "zhaoli"), List.of("wangjianguo")));
			List<Callable<Boolean>> tasks = new ArrayList<>();
			for (String handler : List.of("chenjing", "yangfan", "zhaoli", "chenjing", "yangfan", "zhaoli")) {
				tasks.add(() -> {
					try {
						collabs.act(id, e(handler), OaAction.AGREE, null);
						return true;
					}
					catch (ConflictException ex) {
						return false;
					}
				});
			}
			ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (Callable<Boolean> task : tasks) {
				results.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			int succeeded = 0;
			for (Future<Boolean> f : results) {
				succeeded += f.get() ? 1 : 0;
			}
			pool.shutdown();
			assertThat(succeeded).isEqualTo(3);
			CollabViews.Detail detail = collabs.detail(id, e("liuyang"));
			assertThat(detail.history()).filteredOn(h -> h.action() == OaAction.AGREE).hasSize(3);
			assertThat(detail.currentStep()).isEqualTo(2);
			assertThat(jdbc.sql("select count(*) from oa_handler where collab_id = ? and state = 'PENDING'").param(id).query(Long.class).single())
				.isEqualTo(1);
		}
	}

	@Test
	void badDraftsAreRefusedWithEveryReasonAndNothingIsStored() {
		assertThatThrownBy(() -> collabs.send(e("liuyang"),
				new CollabDraft(" ", null, List.of(List.of("chenjing", "chenjing"), List.of(), List.of("nobody", "wumin", "zhenghao")), List.of(999L))))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations()).extracting(v -> v.rule())
				.containsExactly("oa.subject.required", "oa.handler.duplicate", "oa.step.empty", "oa.handler.unknown", "oa.handler.unknown",
						"oa.handler.unknown", "oa.attachment.unknown"));
		assertThatThrownBy(() -> collabs.send(e("liuyang"), new CollabDraft("标题", "", List.of(), List.of())))
			.isInstanceOf(InvalidInputException.class);
		assertThat(jdbc.sql("select count(*) from oa_collab").query(Long.class).single()).isZero();
	}

	@Test
	void theBodyIsSanitised() {
		long id = collabs.send(e("liuyang"), new CollabDraft("格式", """
				<p onclick="x()">段落<script>alert(1)</script><b>粗</b><a href="javascript:alert(1)">坏</a><a href="https://example.com">好</a></p>
				<img src="https://evil.example/t.png"><iframe src="https://evil.example"></iframe><ul><li>一</li></ul>""",
				List.of(List.of("chenjing")), List.of()));
		String body = collabs.detail(id, e("chenjing")).bodyHtml();
		assertThat(body).contains("<p>段落", "<b>粗</b>", "<ul><li>一</li></ul>", "href=\"https://example.com\"", "rel=\"nofollow noopener noreferrer\"")
			.doesNotContain("script", "onclick", "javascript", "img", "iframe", "evil");
	}

	@Test
	void listsAreSearchableAndPaged() {
		for (int i = 0; i < 5; i++) {
			collabs.send(e("liuyang"), new CollabDraft("报销 " + i, "", List.of(List.of("chenjing")), List.of()));
		}
		collabs.send(e("liuyang"), new CollabDraft("请假申请", "", List.of(List.of("chenjing")), List.of()));
		assertThat(collabs.todo(e("chenjing"), null, 0, 4).items()).hasSize(4);
		assertThat(collabs.todo(e("chenjing"), null, 1, 4).items()).hasSize(2);
		assertThat(collabs.todo(e("chenjing"), "请假", 0, 10).items()).extracting(CollabViews.Summary::subject).containsExactly("请假申请");
		assertThat(collabs.todo(e("chenjing"), "刘洋", 0, 10).total()).isEqualTo(6);
		assertThat(collabs.todo(e("chenjing"), "100%_", 0, 10).total()).isZero();
		assertThat(collabs.sent(e("liuyang"), "报销", 0, 10).total()).isEqualTo(5);
		assertThat(collabs.todo(e("chenjing"), null, 0, 10).items().get(0).subject()).isEqualTo("请假申请");
	}
}
