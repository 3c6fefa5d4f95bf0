package cn.xietong.wecom.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

class BatchTest {
	static final String CORP = "wwbatch";

	@RegisterExtension
	static WecomEmulatorExtension wecom = WecomEmulatorExtension.create()
			.seed(CorpSeed.corp(CORP).contactSyncSecret("sync").creator("boss").department(2, "研发部", 1)
					.user("boss", "老板", "13800000000", 1).user("old1", "旧一", "13800000001", 2)
					.agent(AgentSeed.of(1000002, "OA", "oa")))
			.resetBeforeEach(true);

	Api api;
	String sync;

	@BeforeEach
	void setUp() {
		api = new Api(wecom.baseUrl());
		sync = api.token(CORP, "sync");
	}

	JsonNode upload(String type, String filename, byte[] content) {
		return api.upload(sync, type, filename, content);
	}

	JsonNode awaitResult(String jobid) throws InterruptedException {
		return awaitResult(jobid, 10);
	}

	JsonNode awaitResult(String jobid, int seconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			JsonNode r = api.get("/cgi-bin/batch/getresult?access_token=" + sync + "&jobid=" + jobid);
			if (r.path("status").asInt() == 3) {
				return r;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("job did not finish");
	}

	@Test
	void mediaUploadRules() throws Exception {
		JsonNode ok = upload("file", "a.csv", "姓名,帐号\n张三,zs\n".getBytes(StandardCharsets.UTF_8));
		assertThat(ok.path("errcode").asInt()).isZero();
		assertThat(ok.path("errmsg").asString()).isEmpty();
		assertThat(ok.path("type").asString()).isEqualTo("file");
		assertThat(ok.path("created_at").isString()).isTrue();
		assertThat(upload("file", "a.csv", "abc".getBytes(StandardCharsets.UTF_8)).path("errcode").asInt()).isEqualTo(40006);
		assertThat(upload("pdf", "a.csv", "abcdefg".getBytes(StandardCharsets.UTF_8)).path("errcode").asInt()).isEqualTo(40004);
		String id = ok.path("media_id").asString();
		wecom.emulator().clock().advance(java.time.Duration.ofDays(3));
		String fresh = api.token(CORP, "sync");
		assertThat(api.post("/cgi-bin/batch/syncuser?access_token=" + fresh, "{\"media_id\":\"" + id + "\"}")
				.path("errcode").asInt()).isEqualTo(40007);
	}

	@Test
	void syncUserAddsAndUpdatesAndLeavesOthersAlone() throws Exception {
		String csv = "姓名,帐号,手机号,邮箱,所在部门,职位,性别\n"
				+ "张三,zhangsan,13900000001,,2,工程师,男\n"
				+ "旧一改,old1,,,,,\n"
				+ "坏人,bad,13800000000,,1,,\n"
				+ "新部门,newdept,13900000003,,77,,女\n";
		String media = upload("file", "users.csv", csv.getBytes(Charset.forName("GBK"))).path("media_id").asString();
		JsonNode job = api.post("/cgi-bin/batch/syncuser?access_token=" + sync, "{\"media_id\":\"" + media + "\"}");
		assertThat(job.path("errcode").asInt()).isZero();
		JsonNode result = awaitResult(job.path("jobid").asString());
		assertThat(result.path("type").asString()).isEqualTo("sync_user");
		assertThat(result.path("total").asInt()).isEqualTo(4);
		assertThat(result.path("percentage").asInt()).isEqualTo(100);
		assertThat(result.path("result").toString()).contains("{\"userid\":\"zhangsan\",\"errcode\":0,\"errmsg\":\"ok\"}",
				"\"userid\":\"bad\",\"errcode\":60104");
		CorpState corp = wecom.emulator().corp(CORP);
		assertThat(corp.user("zhangsan").position()).isEqualTo("工程师");
		assertThat(corp.user("old1").name()).isEqualTo("旧一改");
		assertThat(corp.user("old1").mobile()).isEqualTo("13800000001");
		assertThat(corp.user("boss")).isNotNull();
		assertThat(corp.departments()).anySatisfy(d -> assertThat(d.name()).isEqualTo(BatchUsers.PENDING_DEPT));
		assertThat(corp.user("newdept").departments()).containsExactly(77);
	}

	@Test
	void getResultAnswersWhileALargeJobRunsBetweenChunksAndTheListsAtTheEnd() throws Exception {
		int rows = 3_000;
		StringBuilder csv = new StringBuilder("姓名,帐号,手机号,邮箱,所在部门\n");
		for (int i = 0; i < rows; i++) {
			csv.append("成员").append(i).append(",u").append(i).append(",139").append(String.format("%08d", i))
					.append(",u").append(i).append("@example.com,2\n");
		}
		csv.append("重复手机,dupmobile,139-0000-0007,,2\n").append("重复邮箱,dupmail,13911111111,U8@EXAMPLE.com,2\n");
		CountDownLatch paused = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		AtomicBoolean first = new AtomicBoolean(true);
		wecom.emulator().batch().afterChunk(job -> {
			if (first.getAndSet(false)) {
				paused.countDown();
				try {
					resume.await(60, TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		});
		try {
			String media = upload("file", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).path("media_id").asString();
			String jobid = api.post("/cgi-bin/batch/syncuser?access_token=" + sync, "{\"media_id\":\"" + media + "\"}")
					.path("jobid").asString();
			assertThat(paused.await(60, TimeUnit.SECONDS)).as("the first chunk ran").isTrue();
			// the worker is between chunks: the corp is not locked, so the API answers at once
			JsonNode running = api.get("/cgi-bin/batch/getresult?access_token=" + sync + "&jobid=" + jobid);
			assertThat(running.path("errcode").asInt()).isZero();
			assertThat(running.path("status").asInt()).isEqualTo(2);
			assertThat(running.path("total").asInt()).isEqualTo(rows + 2);
			assertThat(running.path("percentage").asInt()).isBetween(1, 99);
			assertThat(running.path("result")).isEmpty();
			assertThat(api.get("/cgi-bin/user/get?access_token=" + sync + "&userid=u0").path("errcode").asInt())
					.as("a member of the first chunk").isZero();
			assertThat(api.get("/cgi-bin/user/get?access_token=" + sync + "&userid=u2999").path("errcode").asInt())
					.as("a member of a later chunk").isEqualTo(60111);
			resume.countDown();
			JsonNode done = awaitResult(jobid, 60);
			assertThat(done.path("percentage").asInt()).isEqualTo(100);
			assertThat(done.path("result")).hasSize(rows + 2);
			assertThat(done.path("result").get(rows - 1).toString()).isEqualTo("{\"userid\":\"u2999\",\"errcode\":0,\"errmsg\":\"ok\"}");
			assertThat(done.path("result").get(rows).path("errcode").asInt()).isEqualTo(60104);
			assertThat(done.path("result").get(rows + 1).path("errcode").asInt()).isEqualTo(60106);
			CorpState corp = wecom.emulator().corp(CORP);
			assertThat(corp.users()).hasSize(rows + 2);
			assertThat(corp.indexConsistent()).isTrue();
			assertThat(api.post("/cgi-bin/user/create?access_token=" + sync, "{\"userid\":\"late\",\"name\":\"迟到\","
					+ "\"mobile\":\"13900002999\",\"department\":[1]}").path("errcode").asInt()).isEqualTo(60104);
		} finally {
			resume.countDown();
			wecom.emulator().batch().afterChunk(null);
		}
	}

	@Test
	void replaceUserDeletesTheOthersButNeverTheCreatorAndStopsMassDeletes() throws Exception {
		for (int i = 0; i < 10; i++) {
			wecom.emulator().corp(CORP).addUser("m" + i, "成员" + i, "1370000000" + i, 2);
		}
		String massDelete = "姓名,帐号,手机号,所在部门\n新人,newbie,13911111111,1\n";
		String media = upload("file", "r.csv", massDelete.getBytes(StandardCharsets.UTF_8)).path("media_id").asString();
		assertThat(api.post("/cgi-bin/batch/replaceuser?access_token=" + sync, "{\"media_id\":\"" + media + "\"}")
				.path("errcode").asInt()).isEqualTo(45026);
		StringBuilder keep = new StringBuilder("姓名,帐号,手机号,所在部门\n");
		for (int i = 0; i < 10; i++) {
			keep.append("成员").append(i).append(",m").append(i).append(",1370000000").append(i).append(",1\n");
		}
		String media2 = upload("file", "r.csv", keep.toString().getBytes(StandardCharsets.UTF_8)).path("media_id").asString();
		JsonNode job = api.post("/cgi-bin/batch/replaceuser?access_token=" + sync, "{\"media_id\":\"" + media2 + "\"}");
		awaitResult(job.path("jobid").asString());
		CorpState corp = wecom.emulator().corp(CORP);
		assertThat(corp.user("old1")).isNull();
		assertThat(corp.user("boss")).isNotNull();
		assertThat(corp.user("m3").departments()).containsExactly(1);
	}

	@Test
	void replacePartyBuildsTheTreeAndReportsActions() throws Exception {
		String csv = "部门名称,部门ID,父部门ID,排序\n协同科技,1,0,1\n产品部,3,1,5\n设计组,4,3,0\n研发中心,2,3,0\n重复,4,1,0\n孤儿,9,88,0\n";
		String media = upload("file", "p.csv", csv.getBytes(StandardCharsets.UTF_8)).path("media_id").asString();
		JsonNode job = api.post("/cgi-bin/batch/replaceparty?access_token=" + sync, "{\"media_id\":\"" + media + "\"}");
		JsonNode r = awaitResult(job.path("jobid").asString());
		assertThat(r.path("type").asString()).isEqualTo("replace_party");
		String res = r.path("result").toString();
		assertThat(res).contains("{\"action\":1,\"partyid\":3,\"errcode\":0,\"errmsg\":\"ok\"}",
				"{\"action\":6,\"partyid\":2,\"errcode\":0,\"errmsg\":\"ok\"}", "\"partyid\":4,\"errcode\":302006",
				"\"partyid\":9,\"errcode\":302004");
		CorpState corp = wecom.emulator().corp(CORP);
		assertThat(corp.departments()).extracting(CorpState.Department::id).containsExactly(1, 2, 3, 4);
		assertThat(corp.departments().get(1).parentId()).isEqualTo(3);
	}

	@Test
	void onlyTheLatestFiveJobsAreKeptAndTheCallbackIsSent() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		String key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
		CallbackCrypto crypto = new CallbackCrypto("tok", key, CORP);
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", ex -> {
			String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(crypto.decrypt(CallbackSender.text(CallbackSender.parse(body), "Encrypt")));
			ex.sendResponseHeaders(200, -1);
			ex.close();
		});
		receiver.start();
		try {
			String media = upload("file", "u.csv", "姓名,帐号,手机号,所在部门\n甲,jia,13912345678,1\n".getBytes(StandardCharsets.UTF_8))
					.path("media_id").asString();
			String callback = ",\"callback\":{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
					+ "/cb\",\"token\":\"tok\",\"encodingaeskey\":\"" + key + "\"}";
			String first = null;
			String last = null;
			for (int i = 0; i < 6; i++) {
				last = api.post("/cgi-bin/batch/syncuser?access_token=" + sync, "{\"media_id\":\"" + media + "\"" + callback + "}")
						.path("jobid").asString();
				first = first == null ? last : first;
			}
			awaitResult(last);
			assertThat(api.get("/cgi-bin/batch/getresult?access_token=" + sync + "&jobid=" + first).path("errcode").asInt())
					.isEqualTo(40089);
			assertThat(api.get("/cgi-bin/batch/getresult?access_token=" + sync + "&jobid=nope").path("errcode").asInt())
					.isEqualTo(40088);
			for (int i = 0; i < 100 && received.size() < 6; i++) {
				Thread.sleep(20);
			}
			assertThat(received).hasSize(6);
			assertThat(received.get(5)).contains("<Event><![CDATA[batch_job_result]]></Event><BatchJob><JobId><![CDATA["
					+ last + "]]></JobId><JobType><![CDATA[sync_user]]></JobType><ErrCode>0</ErrCode>");
		} finally {
			receiver.stop(0);
		}
	}

	@Test
	void joinQrCodeIsAPngUrl() throws Exception {
		JsonNode r = api.get("/cgi-bin/corp/get_join_qrcode?access_token=" + sync + "&size_type=2");
		String url = r.path("join_qrcode").asString();
		assertThat(url).startsWith(wecom.baseUrl());
		HttpResponse<byte[]> png = Api.HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
		assertThat(new String(png.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
	}
}
