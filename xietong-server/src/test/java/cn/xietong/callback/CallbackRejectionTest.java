package cn.xietong.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.xietong.WecomTest;
import cn.xietong.support.TestWecom;
import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.CallbackCredentials;
import cn.xietong.systems.RelatedSystems;

/**
 * Every rejection reason answers 4xx, processes nothing (no inbox row, no presence change) and leaves
 * a log line with the reason. Each request carries a {@code subscribe} event, so an effect would show.
 */
@WecomTest
class CallbackRejectionTest {

	static final String CORP = TestWecom.CORP_ID;

	@Autowired MockMvc mvc;
	@Autowired org.springframework.context.ApplicationContext context;
	@Autowired CorpBinding corp;
	@Autowired RelatedSystems systems;
	@Autowired CallbackKeys keys;
	@Autowired JdbcClient jdbc;
	@Autowired CallbackLog callbackLog;

	CallbackCredentials oa;

	@BeforeEach
	void bind() {
		TestWecom.bindTo(context);
		keys.forget();
		oa = systems.callbackCredentials("OA");
	}

	@Test
	void aValidCallbackIsAcceptedAndTakesEffect() throws Exception {
		SignedCallback valid = subscribe("valid", Instant.now());
		send(valid).andExpect(status().isOk());
		assertThat(inboxRows("valid")).isEqualTo(1);
		assertThat(lastLog().outcome()).isEqualTo(CallbackLog.ACCEPTED);
	}

	@Test
	void forgedSignature() throws Exception {
		SignedCallback forged = subscribe("forged", Instant.now()).withSignature("0".repeat(40));
		send(forged).andExpect(status().isForbidden());
		assertNoEffect("forged", "signature");
	}

	@Test
	void signedWithAnotherToken() throws Exception {
		SignedCallback other = SignedCallback.of("anotherToken123", oa.encodingAesKey(), CORP, subscribeXml("othertoken"), Instant.now());
		send(other).andExpect(status().isForbidden());
		assertNoEffect("othertoken", "signature");
	}

	@Test
	void wrongCorpId() throws Exception {
		SignedCallback wrongCorp = SignedCallback.of(oa.token(), oa.encodingAesKey(), "wwsomeoneelse", subscribeXml("wrongcorp"), Instant.now());
		send(wrongCorp).andExpect(status().isForbidden());
		assertNoEffect("wrongcorp", "receiveid");
	}

	@Test
	void staleAndFutureTimestamps() throws Exception {
		// clearly outside the ±300 s window: a second more could fall inside it once both sides round to whole seconds
		send(subscribe("stale", Instant.now().minusSeconds(302))).andExpect(status().isForbidden());
		assertNoEffect("stale", "timestamp");
		send(subscribe("future", Instant.now().plusSeconds(302))).andExpect(status().isForbidden());
		assertNoEffect("future", "timestamp");
	}

	@Test
	void replayedNonce() throws Exception {
		SignedCallback first = subscribe("replay1", Instant.now());
		send(first).andExpect(status().isOk());
		// the same nonce with another (validly signed) message inside the window
		SignedCallback second = SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, subscribeXml("replay2"), first.timestamp, first.nonce);
		send(second).andExpect(status().isForbidden());
		assertNoEffect("replay2", "nonce");
		// and the very same request again
		send(first).andExpect(status().isForbidden());
		assertThat(inboxRows("replay1")).isEqualTo(1);
	}

	@Test
	void externalEntityInTheMessage() throws Exception {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ subscribeXml("xxe").replace("<AgentID>", "<Note>&xxe;</Note><AgentID>");
		send(SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, xxe, Instant.now())).andExpect(status().isBadRequest());
		assertNoEffect("xxe", "xml");
	}

	@Test
	void externalEntityInTheEnvelope() throws Exception {
		SignedCallback valid = subscribe("xxeenvelope", Instant.now());
		String body = "<!DOCTYPE xml [<!ENTITY e SYSTEM \"http://127.0.0.1:9/steal\">]>" + valid.body.replace("<AgentID>", "<X>&e;</X><AgentID>");
		send(valid.withBody(body)).andExpect(status().isBadRequest());
		assertNoEffect("xxeenvelope", "xml");
	}

	@Test
	void entityExpansion() throws Exception {
		StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
		String previous = "lol";
		for (int i = 1; i <= 9; i++) {
			bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
			previous = "lol" + i;
		}
		bomb.append("]>").append(subscribeXml("bomb").replace("<AgentID>", "<Note>&lol9;</Note><AgentID>"));
		send(SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, bomb.toString(), Instant.now())).andExpect(status().isBadRequest());
		assertNoEffect("bomb", "xml");
	}

	@Test
	void oversizedBody() throws Exception {
		SignedCallback valid = subscribe("oversized", Instant.now());
		String padded = valid.body.replace("</xml>", "<Padding>" + "x".repeat(70 * 1024) + "</Padding></xml>");
		send(valid.withBody(padded)).andExpect(status().isPayloadTooLarge());
		assertNoEffect("oversized", "size");
	}

	@Test
	void bodyThatIsNotXml() throws Exception {
		send(subscribe("notxml", Instant.now()).withBody("{\"encrypt\":\"abc\"}")).andExpect(status().isBadRequest());
		assertNoEffect("notxml", "xml");
	}

	@Test
	void encryptedPlaintextThatIsNotXml() throws Exception {
		send(SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, "subscribe notxml-plain", Instant.now())).andExpect(status().isBadRequest());
		assertThat(lastLog().reason()).isEqualTo("xml");
	}

	@Test
	void ciphertextThatDoesNotDecrypt() throws Exception {
		SignedCallback valid = subscribe("garbled", Instant.now());
		String garbled = "AAAA" + "B".repeat(40);
		String ts = valid.timestamp;
		String nonce = SignedCallback.nextNonce();
		cn.xietong.wecom.CallbackCrypto crypto = new cn.xietong.wecom.CallbackCrypto(oa.token(), oa.encodingAesKey(), CORP);
		send(new SignedCallback(crypto.signature(ts, nonce, garbled), ts, nonce, SignedCallback.envelope(CORP, garbled)))
			.andExpect(status().isBadRequest());
		assertNoEffect("garbled", "decrypt");
	}

	@Test
	void theNonceIsKeptTogetherWithTheStoredMessageOnly() throws Exception {
		SignedCallback valid = subscribe("noncekept", Instant.now());
		send(valid).andExpect(status().isOk());
		assertThat(nonceRows(valid.nonce)).isEqualTo(1);
		assertThat(inboxRows("noncekept")).isEqualTo(1);
		// refused after the nonce was checked (the ciphertext does not decrypt): the nonce goes with the refusal, so
		// the message it might have carried is not refused later as a replay; this request is refused again, for its own reason
		String garbled = "AAAA" + "C".repeat(40);
		String nonce = SignedCallback.nextNonce();
		cn.xietong.wecom.CallbackCrypto crypto = new cn.xietong.wecom.CallbackCrypto(oa.token(), oa.encodingAesKey(), CORP);
		SignedCallback broken = new SignedCallback(crypto.signature(valid.timestamp, nonce, garbled), valid.timestamp, nonce,
				SignedCallback.envelope(CORP, garbled));
		send(broken).andExpect(status().isBadRequest());
		assertThat(nonceRows(nonce)).isZero();
		send(broken).andExpect(status().isBadRequest());
		assertThat(lastLog().reason()).isEqualTo("decrypt");
	}

	@Test
	void copiesOfOneRequestAtOnceAreAcceptedOnce() throws Exception {
		SignedCallback valid = subscribe("copiesatonce", Instant.now());
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 16; i++) {
				answers.add(pool.submit(() -> send(valid).andReturn().getResponse().getStatus()));
			}
			List<Integer> statuses = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Integer> answer : answers) {
				statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(statuses).containsOnly(200, 403).filteredOn(s -> s == 200).hasSize(1);
			assertThat(inboxRows("copiesatonce")).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void unknownSystem() throws Exception {
		SignedCallback valid = subscribe("nosystem", Instant.now());
		mvc.perform(post("/wecom/callback/NOPE" + valid.query()).contentType(MediaType.TEXT_XML).content(valid.body.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isNotFound());
		assertThat(inboxRows("nosystem")).isZero();
	}

	private SignedCallback subscribe(String userid, Instant at) {
		return SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, subscribeXml(userid), at);
	}

	private static String subscribeXml(String userid) {
		return SignedCallback.event(CORP, userid, Instant.now().getEpochSecond(), "subscribe", null, null);
	}

	private ResultActions send(SignedCallback callback) throws Exception {
		return mvc.perform(post("/wecom/callback/OA" + callback.query()).contentType(MediaType.TEXT_XML)
			.content(callback.body.getBytes(StandardCharsets.UTF_8)));
	}

	private void assertNoEffect(String userid, String reason) {
		assertThat(inboxRows(userid)).as("inbox rows of " + userid).isZero();
		assertThat(jdbc.sql("select count(*) from member_presence where userid = ?").param(userid).query(Long.class).single()).isZero();
		CallbackLogEntry last = lastLog();
		assertThat(last.outcome()).isEqualTo(CallbackLog.REJECTED);
		assertThat(last.reason()).isEqualTo(reason);
		assertThat(last.detail()).isNotBlank();
	}

	private long nonceRows(String nonce) {
		return jdbc.sql("select count(*) from callback_nonce where nonce = ?").param(nonce).query(Long.class).single();
	}

	private long inboxRows(String userid) {
		return jdbc.sql("select count(*) from callback_inbox where userid = ?").param(userid).query(Long.class).single();
	}

	/** The newest line as the 回调日志 shows it (by time received: the writer may store an older batch after a newer line). */
	private CallbackLogEntry lastLog() {
		return callbackLog.latest(null, 1).get(0);
	}
}
