package cn.xietong.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Fan-out: one {@code message/send} takes at most 1,000 userids, 100 departments and 100 tags, so a
 * message to more goes out in chunks — chunk {@code i} carries the {@code i}-th slice of each list.
 */
final class Chunking {

	static final int MAX_USERS = 1000;
	static final int MAX_PARTIES = 100;
	static final int MAX_TAGS = 100;

	private Chunking() {
	}

	record Chunk(List<String> users, List<Long> parties, List<Long> tags) {
	}

	static List<Chunk> split(List<String> users, List<Long> parties, List<Long> tags) {
		int count = Math.max(slices(users.size(), MAX_USERS), Math.max(slices(parties.size(), MAX_PARTIES), slices(tags.size(), MAX_TAGS)));
		List<Chunk> chunks = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			chunks.add(new Chunk(slice(users, i, MAX_USERS), slice(parties, i, MAX_PARTIES), slice(tags, i, MAX_TAGS)));
		}
		return chunks;
	}

	private static int slices(int size, int max) {
		return (size + max - 1) / max;
	}

	private static <T> List<T> slice(List<T> list, int index, int max) {
		int from = index * max;
		if (from >= list.size()) {
			return List.of();
		}
		return List.copyOf(list.subList(from, Math.min(list.size(), from + max)));
	}

	static String join(List<?> list) {
		if (list.isEmpty()) {
			return null;
		}
		StringBuilder out = new StringBuilder();
		for (Object item : list) {
			if (!out.isEmpty()) {
				out.append('|');
			}
			out.append(item);
		}
		return out.toString();
	}

	static List<String> users(String joined) {
		if (joined == null || joined.isEmpty()) {
			return List.of();
		}
		return List.of(joined.split("\\|"));
	}

	static List<Long> ids(String joined) {
		return users(joined).stream().map(Long::valueOf).toList();
	}
}
