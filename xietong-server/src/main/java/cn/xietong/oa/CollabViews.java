package cn.xietong.oa;

import java.time.Instant;
import java.util.List;

/** What the lists and the detail page of 协同 show. */
public final class CollabViews {

	private CollabViews() {
	}

	/**
	 * A line of a list.
	 *
	 * @param stepsDone steps completed so far (all of them once completed)
	 * @param at when it arrived (待办), when the viewer last acted (已办), or when it was sent (已发)
	 */
	public record Summary(long id, String subject, String senderUserid, String senderName, CollabStatus status, int currentStep,
			int stepCount, int stepsDone, Instant sentAt, Instant finishedAt, Instant at) {

		static Summary of(long id, String subject, String senderUserid, String senderName, CollabStatus status, int currentStep, int stepCount,
				Instant sentAt, Instant finishedAt, Instant at) {
			return new Summary(id, subject, senderUserid, senderName, status, currentStep, stepCount,
					status == CollabStatus.COMPLETED ? stepCount : currentStep - 1, sentAt, finishedAt, at);
		}
	}

	/** A handler of a step. state: WAITING, PENDING, DONE, CLOSED. */
	public record Handler(String userid, String name, String state, OaAction action, String opinion, Instant actedAt) {
	}

	public record Step(int no, List<Handler> handlers) {
	}

	public record HistoryEntry(int stepNo, String userid, String name, OaAction action, String opinion, Instant at) {
	}

	public record Attachment(long id, String fileName, String contentType, long size) {
	}

	/**
	 * A 协同 as a participant sees it.
	 *
	 * @param actions what the viewer may do now (empty unless they are a current handler who has not acted)
	 * @param canRecall the viewer is the sender and no one has acted yet
	 */
	public record Detail(long id, String subject, String bodyHtml, String senderUserid, String senderName, CollabStatus status,
			int currentStep, int stepCount, Instant sentAt, Instant finishedAt, List<Step> steps, List<HistoryEntry> history,
			List<Attachment> attachments, List<OaAction> actions, boolean canRecall) {
	}
}
