package cn.xietong.wecom.client;

import java.time.Duration;

import cn.xietong.wecom.WecomCredentials;

/** Calls {@code gettoken}. */
@FunctionalInterface
interface TokenFetcher {

	Fetched fetch(WecomCredentials credentials);

	record Fetched(String token, Duration expiresIn) {
		@Override
		public String toString() {
			return "Fetched[expiresIn=" + expiresIn + "]";
		}
	}
}
