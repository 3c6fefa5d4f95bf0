package cn.xietong.callback;

/** Something waiting for an employee (a 协同 at their step, a payment to approve), with a link to it. */
public record PendingItem(String title, String url) {
}
