package cn.xietong.callback;

import java.util.List;

/**
 * The port through which a business module (OA, PB) tells what waits for an employee. The reply to
 * the text 待办 and the mobile 待办 lists read it; with no implementation present nothing is pending.
 */
public interface PendingItems {

	/** Which system's items these are ({@code OA}, {@code PB}). */
	String systemCode();

	/** The items waiting for the employee, newest first. */
	List<PendingItem> pendingFor(String userid);
}
