package cn.xietong.messaging;

/**
 * What happened for one recipient.
 *
 * @param type {@code user}, {@code party} or {@code tag}
 * @param state {@code pending}, {@code sending}, {@code sent}, {@code invalid} (no such member,
 *        department or tag, or outside the app's visible range), {@code unlicensed} (no WeChat Work
 *        licence) or {@code failed}
 */
public record RecipientResult(String type, String id, String state) {
}
