package cn.xietong.callback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callbacks are checked and kept.
 *
 * @param timestampWindow a callback's timestamp may differ from now by at most this much, and its
 *        nonce is remembered this long
 * @param maxBodyBytes larger bodies are refused before anything is read into memory
 * @param credentialsCache how long a system's Token/EncodingAESKey stay cached on a node (a new one
 *        takes effect within this time)
 * @param logRetention callback log lines older than this are removed
 * @param workers threads that process accepted callbacks after the answer
 */
@ConfigurationProperties("xietong.callback")
public record CallbackSettings(@DefaultValue("300s") Duration timestampWindow, @DefaultValue("65536") int maxBodyBytes,
		@DefaultValue("5s") Duration credentialsCache, @DefaultValue("30d") Duration logRetention, @DefaultValue("2") int workers) {
}
