package cn.xietong.oa.audience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audiences of OA items ({@code xietong.oa.audience.*}).
 *
 * @param maxDepartments departments one audience may name at most
 * @param maxPeople people one audience may name at most
 * @param remindInterval the shortest time between two reminders of the same item (提醒未读)
 */
@ConfigurationProperties("xietong.oa.audience")
public record AudienceSettings(@DefaultValue("500") int maxDepartments, @DefaultValue("5000") int maxPeople,
		@DefaultValue("1h") Duration remindInterval) {
}
