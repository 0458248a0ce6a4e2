package id.sopflow.sop;

/** A role column of the SOP table (a lane in the process); {@code id} is the candidate group. */
public record SopRole(String id, String name) {
}
