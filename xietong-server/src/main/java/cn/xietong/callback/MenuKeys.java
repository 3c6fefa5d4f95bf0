package cn.xietong.callback;

/** The keys of click buttons in the custom menus, answered by a passive reply. */
public final class MenuKeys {

	/** OA: how many 协同 wait for the member. */
	public static final String OA_TODO_COUNT = "OA_TODO_COUNT";
	/** PB: how many payment requests wait for the member's approval. */
	public static final String PB_TODO_COUNT = "PB_TODO_COUNT";
	/** Any system: what the app understands. */
	public static final String HELP = "HELP";

	private MenuKeys() {
	}
}
