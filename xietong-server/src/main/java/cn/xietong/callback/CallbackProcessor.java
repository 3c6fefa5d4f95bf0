package cn.xietong.callback;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work after the answer: 关注/取消关注 and entering the app update the member's presence,
 * {@code LOCATION} keeps the last position, {@code change_contact} tells the directory sync.
 * Messages, clicks and views need nothing more than their passive reply and the log line.
 */
@Component
class CallbackProcessor {

	private final MemberPresence presence;
	private final ApplicationEventPublisher events;

	CallbackProcessor(MemberPresence presence, ApplicationEventPublisher events) {
		this.presence = presence;
		this.events = events;
	}

	/**
	 * Whether {@link #handle} has anything to do for this message. Those that have not (texts, clicks,
	 * views …: their passive reply and the log line are all) are stored already done, without a
	 * round through the workers.
	 */
	boolean hasWork(CallbackMessage message) {
		if (!message.isEvent() || message.event() == null) {
			return false;
		}
		if (message.from() == null && !"change_contact".equals(message.event())) {
			return false;
		}
		return switch (message.event()) {
			case "subscribe", "unsubscribe", "enter_agent", "LOCATION", "change_contact" -> true;
			default -> false;
		};
	}

	@Transactional
	public void handle(String systemCode, CallbackMessage message, Instant receivedAt) {
		if (!hasWork(message)) {
			return;
		}
		String userid = message.from();
		Instant at = message.createTime() == null ? receivedAt : Instant.ofEpochSecond(message.createTime());
		switch (message.event()) {
			case "subscribe" -> presence.followed(systemCode, userid, true, at);
			case "unsubscribe" -> presence.followed(systemCode, userid, false, at);
			case "enter_agent" -> presence.entered(systemCode, userid, at);
			case "LOCATION" -> {
				Double latitude = number(message.get("Latitude"));
				Double longitude = number(message.get("Longitude"));
				if (latitude != null && longitude != null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
					presence.located(systemCode, userid, latitude, longitude, number(message.get("Precision")), at);
				}
			}
			case "change_contact" -> events.publishEvent(new ContactChangeReceived(systemCode, message.get("ChangeType"), message.subject(), receivedAt));
			default -> {
				// click, view, batch_job_result …: the log line is all
			}
		}
	}

	private static Double number(String text) {
		try {
			return text == null ? null : Double.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
