package cn.xietong.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dispatcher works ({@code xietong.messaging.*}).
 *
 * @param dispatcher whether this node sends messages (a node that only takes requests may switch it off)
 * @param nodeId the name of this node in row claims; empty = random per start
 * @param senders concurrent {@code message/send} calls of this node
 * @param pollInterval how often the dispatcher looks for due messages when nothing woke it
 * @param lease how long a claimed chunk belongs to this node; a crashed node's claims are retaken after it
 * @param duplicateCheck WeChat Work's {@code duplicate_check_interval}: an identical request within it
 *        is not delivered again (≤ 4 h), so a resend after a crash stays invisible
 * @param initialBackoff first wait after a transient error; doubled each attempt, with jitter
 * @param maxBackoff the longest wait between attempts
 * @param perMemberPerMinute WeChat Work drops more than 30 messages per member per minute per app
 * @param perMemberPerHour … and more than 1,000 per hour
 */
@ConfigurationProperties("xietong.messaging")
public record MessagingSettings(@DefaultValue("true") boolean dispatcher, @DefaultValue("") String nodeId,
		@DefaultValue("8") int senders, @DefaultValue("1s") Duration pollInterval, @DefaultValue("2m") Duration lease,
		@DefaultValue("10m") Duration duplicateCheck, @DefaultValue("2s") Duration initialBackoff,
		@DefaultValue("5m") Duration maxBackoff, @DefaultValue("30") int perMemberPerMinute,
		@DefaultValue("1000") int perMemberPerHour) {
}
