package cn.xietong.system;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, the page number (from 0), its size and the total count. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
	}

	public int pages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	/** Clamps the page parameters of a request: page ≥ 0, 1 ≤ size ≤ 500. */
	public static int[] clamp(Integer page, Integer size) {
		int p = page == null || page < 0 ? 0 : page;
		int s = size == null || size < 1 ? 20 : Math.min(size, 500);
		return new int[] { p, s };
	}
}
