"""Pattern analyzers for loan traps, soft-violence collection, malicious claims and troll networks.

Each analyzer is a pure function over records already read from the FORMATS.md inputs:
    analyse_loans(loans, rules) -> [LoanResult]; rank_apps(results)           (loans)
    analyse_collection(calls, contacts, rules) -> [CallerResult]              (collection)
    find_claimant_crews(complaints, rules) -> [ClaimCrew]                     (claims)
    find_troll_crews(posts, rules, claims=...) -> [TrollCrew]                 (coordination)
"""
