package com.rectify.raising;

import com.rectify.common.TextLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** An audit and the recommendations its report raised, as posted to {@code POST /api/audits}. */
public record NewAudit(
    @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._/-]*", message = "may hold letters, digits, spaces and . _ / - only")
        String reference,
    @NotBlank @Size(max = 300) String title,
    @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+", message = "must be a service code in lower case, e.g. finance")
        String service,
    LocalDate reportIssuedOn,
    @NotEmpty @Size(max = 500) List<@Valid NewRecommendation> recommendations) {

  public record NewRecommendation(
      @NotBlank @Size(max = 40) String reference,
      @NotBlank @Size(max = TextLimits.LONGEST_TEXT) String recommendation,
      @Size(max = TextLimits.LONGEST_TEXT) String finding,
      @NotBlank @Size(max = 60) String grade,
      @NotBlank @Size(max = 400) String leadOfficer,
      @Size(max = 40) @Pattern(regexp = "[a-z0-9-]*", message = "must be a service code in lower case") String service,
      /** The lead officers' logins, when the caller knows them; otherwise the names are matched once, and the answer shows the logins bound. */
      @Size(max = 10) List<@NotBlank @Size(max = 64) String> leadOfficerIds) {

    public NewRecommendation(String reference, String recommendation, String finding, String grade, String leadOfficer,
        String service) {
      this(reference, recommendation, finding, grade, leadOfficer, service, null);
    }
  }
}
