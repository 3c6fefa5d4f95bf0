package cn.xietong.sync;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.xietong.callback.ContactChangeReceived;

/** A burst of change_contact callbacks leads to one automatic sync after the quiet period. */
class DriftCheckTest {

	@Test
	void aBurstOfChangesSchedulesOneSync() throws Exception {
		DirectorySync sync = mock(DirectorySync.class);
		PushedState state = mock(PushedState.class);
		DriftCheck check = new DriftCheck(sync, state, Duration.ofMillis(300));
		try {
			for (int i = 0; i < 5; i++) {
				check.contactChanged(new ContactChangeReceived("OA", "update_user", "zhangsan", Instant.now()));
			}
			verify(sync, timeout(3000).times(1)).start(eq(SyncMode.AUTO), eq("change_contact"), isNull());
			verify(sync, after(600).times(1)).start(any(), any(), any());
			verify(state, times(5)).memberEditedInWecom("zhangsan");
		}
		finally {
			check.destroy();
		}
	}
}
